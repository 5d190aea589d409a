#include "CLibGit2Loader.h"

#include <stdatomic.h>

/* libgit2 1.5 as Debian builds it (HTTPS through mbedTLS) parses every certificate in
   /etc/ssl/certs/ca-certificates.crt inside git_libgit2_init, at every start: about 55 M
   instructions and 3 ms, the most of starting libgit2 (docs/speed.md, thirteenth pass).
   The certificates serve only HTTPS remotes, and Redline never talks to a remote: no
   libgit2 function for remotes, clones, fetches or pushes is in table.h.

   So the program defines mbedTLS's two loaders itself, and the link exports them
   (Package.swift, `--export-dynamic-symbol`). The dynamic linker binds libgit2's calls to
   the program's definitions before those of libmbedx509, and these load no certificate.
   Were libgit2 ever to open an HTTPS connection in this process, it would trust no server:
   the connection would fail, not go unchecked. A libgit2 built another way (OpenSSL, or
   macOS) never calls them. Decision 83. */

static atomic_int skipped;

int mbedtls_x509_crt_parse_file(void *chain, const char *path) {
  (void)chain;
  (void)path;
  atomic_fetch_add(&skipped, 1);
  return 0;
}

int mbedtls_x509_crt_parse_path(void *chain, const char *path) {
  (void)chain;
  (void)path;
  atomic_fetch_add(&skipped, 1);
  return 0;
}

int clibgit2_certificate_loads_skipped(void) { return atomic_load(&skipped); }
