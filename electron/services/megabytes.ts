/** A size in a service's message to a person: "200 MB", "4.2 MB" (binary megabytes, at most one decimal). */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
}
