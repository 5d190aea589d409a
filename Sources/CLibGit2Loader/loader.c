#include "CLibGit2Loader.h"
#include "table.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>

/* The library the headers describe: Debian's libgit2-dev for 1.5 installs libgit2.so.1.5
   (Homebrew's libgit2.1.5.dylib on macOS). The headers must be on the default include
   path: the CLibGit2 module no longer asks pkg-config, which would link the library. */
#ifdef __APPLE__
#define CLIBGIT2_SONAME "libgit2." LIBGIT2_SOVERSION ".dylib"
#else
#define CLIBGIT2_SONAME "libgit2.so." LIBGIT2_SOVERSION
#endif

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char reason[512];
static int failed;
static void *loaded; /* the handle of the libgit2 in use, once loaded */

/* Opens `soname` and fills `table`; 0, or the reason written into `out`. With `keep`, the
   handle is kept in `loaded`. */
static const char *open_library(const char *soname, struct clibgit2_table *table, int keep, char *out, size_t size) {
  void *library = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    snprintf(out, size, "libgit2 %s cannot be loaded (%s); install it (Debian: apt-get install libgit2-%s)",
             LIBGIT2_SOVERSION, dlerror(), LIBGIT2_SOVERSION);
    return out;
  }
  const char *missing = clibgit2_resolve(library, table);
  if (missing) {
    snprintf(out, size, "%s has no function %s; Redline was built for libgit2 %s", soname, missing,
             LIBGIT2_VERSION);
    dlclose(library);
    return out;
  }
  if (keep) loaded = library;
  else dlclose(library);
  return 0;
}

void *clibgit2_library(void) { return failed ? 0 : loaded; }

static void load(void) { failed = open_library(CLIBGIT2_SONAME, &clibgit2_fn, 1, reason, sizeof reason) != 0; }

const char *clibgit2_load(void) {
  pthread_once(&once, load);
  return failed ? reason : 0;
}

const char *clibgit2_try(const char *soname) {
  static __thread char text[512];
  struct clibgit2_table scratch; /* the stubs' table is left as it is */
  return open_library(soname, &scratch, 0, text, sizeof text);
}

void clibgit2_ensure(void) {
  if (clibgit2_load()) {
    /* Reached only if a libgit2 call came before Repository or GitConfig had loaded it. */
    fprintf(stderr, "redline: error: %s\n", reason);
    _exit(2);
  }
}

/* git_libgit2_opts is variadic: forwarded for the options Redline sets (each one int). */
int git_libgit2_opts(int option, ...) {
  clibgit2_ensure();
  va_list ap;
  va_start(ap, option);
  int rc = -1;
  switch (option) {
  case GIT_OPT_SET_OWNER_VALIDATION:
  case GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION:
    rc = clibgit2_fn.git_libgit2_opts(option, va_arg(ap, int));
    break;
  default:
    /* Another option needs its own case here (its arguments differ); until then the call
       fails with -1 and no libgit2 message. */
    break;
  }
  va_end(ap);
  return rc;
}
