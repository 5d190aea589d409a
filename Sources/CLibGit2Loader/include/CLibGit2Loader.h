#ifndef CLIBGIT2_LOADER_H
#define CLIBGIT2_LOADER_H

/* libgit2 is loaded when a repository or the git config is first read, not as the program
   starts, so a run that reads neither (two files compared into JSON, `--version`, git's
   external diff) never maps it and the many libraries it brings (OpenSSL, Kerberos,
   mbedTLS, libssh2): 1.7 ms and 3 MB less for every such run. */

/* Loads libgit2 (once; safe from any thread). 0 when it is ready, otherwise one line
   saying why it could not be loaded and what to install. */
const char *clibgit2_load(void);

/* Tries to load the library named `soname` and find every function Redline calls, without
   keeping it; 0 or the reason, as clibgit2_load gives it. For tests. */
const char *clibgit2_try(const char *soname);

/* How many times libgit2 asked mbedTLS to load CA certificates and the program's stand-in
   loaded none (certificates.c): 1 once a libgit2 built with mbedTLS has started, 0 with
   any other. For tests and REDLINE_PROFILE. */
int clibgit2_certificate_loads_skipped(void);

#endif
