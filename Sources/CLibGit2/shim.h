#include <git2.h>

/* git_libgit2_opts is variadic and cannot be called from Swift: one wrapper per option. */
static inline int clibgit2_set_owner_validation(int enabled) {
  return git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, enabled);
}
