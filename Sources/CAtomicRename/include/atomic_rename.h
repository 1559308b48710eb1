#ifndef TEIGEN_ATOMIC_RENAME_H
#define TEIGEN_ATOMIC_RENAME_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (EINVAL/ENOSYS where unsupported).
int teigen_exchange_paths(const char *first, const char *second);

#endif
