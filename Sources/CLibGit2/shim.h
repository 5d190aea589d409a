#include <git2.h>

/* git_libgit2_opts is variadic and cannot be called from Swift: one wrapper per option. */
static inline int clibgit2_set_owner_validation(int enabled) {
  return git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, enabled);
}

static inline int clibgit2_set_strict_hash_verification(int enabled) {
  return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}

#include <zlib.h>
#include <string.h>

/* 1 when data[0..<len] is one complete zlib stream (as a loose object must be), 0 when it
   is truncated or corrupt. Bounded: every round either inflates more or stops. libgit2
   1.5 loops forever on a truncated loose object, so Redline checks before it asks. */
static inline int clibgit2_zlib_complete(const unsigned char *data, size_t len) {
  z_stream z;
  memset(&z, 0, sizeof z);
  if (len > 0xFFFFFFFFu || inflateInit(&z) != Z_OK) return 0;
  unsigned char out[16384];
  z.next_in = (Bytef *)data;
  z.avail_in = (uInt)len;
  int rc;
  do {
    z.next_out = out;
    z.avail_out = sizeof out;
    rc = inflate(&z, Z_NO_FLUSH);
  } while (rc == Z_OK);
  inflateEnd(&z);
  return rc == Z_STREAM_END && z.avail_in == 0;
}
