#include "CLibGit2Loader.h"

#include <dlfcn.h>
#include <git2.h>
#include <stdatomic.h>
#include <stdlib.h>

/* libgit2 1.5 as Debian builds it (HTTPS through mbedTLS) parses every certificate in
   /etc/ssl/certs/ca-certificates.crt inside git_libgit2_init, at every start: about 55 M
   instructions and 3 ms, the most of starting libgit2 (docs/speed.md, thirteenth pass).
   The certificates serve only HTTPS remotes, and Redline never talks to a remote: no
   libgit2 function for remotes, clones, fetches or pushes is in table.h.

   So the program defines mbedTLS's two certificate loaders itself, and the link exports
   them (Package.swift, `--export-dynamic-symbol`). The dynamic linker binds libgit2's calls
   to the program's definitions before those of libmbedx509. While clibgit2_init runs
   git_libgit2_init, they load nothing; at any other time they hand the call to mbedTLS's
   own (found through libgit2's handle, whose dependencies libmbedx509 is among), so a
   certificate location set later is loaded as usual. Were libgit2 to open an HTTPS
   connection without one, it would trust no server: the connection would fail, not go
   unchecked. A libgit2 built another way (OpenSSL, or macOS) never calls them. Decision 83. */

static atomic_int starting;
static atomic_int skipped;

typedef int (*certificate_loader)(void *chain, const char *location);

/* mbedTLS's own loader `name`, called with the same arguments; -1 when it cannot be found. */
static int forward(const char *name, certificate_loader self, void *chain, const char *location) {
  void *library = clibgit2_library();
  certificate_loader real = library ? (certificate_loader)dlsym(library, name) : 0;
  if (!real || real == self) return -1;
  return real(chain, location);
}

int mbedtls_x509_crt_parse_file(void *chain, const char *path) {
  if (atomic_load(&starting)) {
    atomic_fetch_add(&skipped, 1);
    return 0;
  }
  return forward("mbedtls_x509_crt_parse_file", mbedtls_x509_crt_parse_file, chain, path);
}

int mbedtls_x509_crt_parse_path(void *chain, const char *path) {
  if (atomic_load(&starting)) {
    atomic_fetch_add(&skipped, 1);
    return 0;
  }
  return forward("mbedtls_x509_crt_parse_path", mbedtls_x509_crt_parse_path, chain, path);
}

int clibgit2_init(void) {
  atomic_store(&starting, 1);
  int n = git_libgit2_init();
  atomic_store(&starting, 0);
  return n;
}

int clibgit2_certificate_loads_skipped(void) { return atomic_load(&skipped); }

int clibgit2_certificate_file_load(const char *path) {
  /* An mbedtls_x509_crt (some 600 bytes in mbedTLS 2.28) as mbedtls_x509_crt_init leaves
     it: all zero. A file that cannot be read leaves it untouched. */
  void *chain = calloc(1, 4096);
  if (!chain) return -1;
  int rc = mbedtls_x509_crt_parse_file(chain, path);
  free(chain);
  return rc;
}
