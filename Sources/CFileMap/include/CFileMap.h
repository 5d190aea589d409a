#ifndef REDLINE_CFILEMAP_H
#define REDLINE_CFILEMAP_H

#include <stddef.h>

/// Maps the first `length` bytes of the open regular file `fd` into memory, private and
/// writable (a page written to is copied; the file never changes). A file that becomes
/// shorter while mapped makes a read past its new end raise SIGBUS: inside a range mapped
/// here, the signal writes `message` (one line, already safe to print) to standard error
/// and ends the process with status 2 instead of a crash (a SIGBUS that is not such a
/// fault goes to the handler installed before). Returns NULL, with nothing mapped, when
/// the file cannot be mapped or too many files are mapped at once. Safe to call in a
/// child of `fork`.
void *redline_map_file(int fd, size_t length, const char *message);

/// Unmaps what `redline_map_file` mapped, and forgets its range.
void redline_unmap_file(void *address, size_t length);

#endif
