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

/* Starts libgit2 (git_libgit2_init) without letting it load the system's CA certificates
   (certificates.c, decision 83); what git_libgit2_init returns. */
int clibgit2_init(void);

/* How many certificate loads libgit2 asked for while clibgit2_init ran, and the program's
   stand-in skipped: 1 with a libgit2 built with mbedTLS on a system with a CA bundle at its
   default place, 0 otherwise. For tests and REDLINE_PROFILE. */
int clibgit2_certificate_loads_skipped(void);

/* Loads the certificates of file `path` through mbedTLS's loader, as libgit2 would after it
   has started, into a chain it then frees; mbedTLS's result (0, the number of certificates
   it could not parse, or a negative error), or -1 without mbedTLS. For tests. */
int clibgit2_certificate_file_load(const char *path);

/* The handle of the libgit2 in use, or 0 before it is loaded (for certificates.c). */
void *clibgit2_library(void);

#endif
