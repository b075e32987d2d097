/** Node's error codes as one line a user can act on. */
export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EROFS':
      return 'read-only file system';
    default:
      return (error as Error).message?.split('\n')[0] ?? String(error);
  }
}
