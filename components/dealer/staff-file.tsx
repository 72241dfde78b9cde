/**
 * A customer's or the workshop's photo or video on a staff page: the thumbnail opens the full image in
 * a new tab, a video plays in place. URLs are signed and short-lived (not for the image optimiser).
 */
export function StaffFile({ file, name }: { file: { video: boolean; fullUrl: string; thumbUrl: string | null }; name: string }) {
  if (file.video) {
    return <video controls preload="metadata" src={file.fullUrl} aria-label={name} className="h-28 w-44 rounded bg-black" />;
  }
  return (
    <a href={file.fullUrl} target="_blank" rel="noopener" className="block rounded">
      {/* eslint-disable-next-line @next/next/no-img-element -- a signed, short-lived URL */}
      <img src={file.thumbUrl ?? file.fullUrl} alt={name} className="h-28 w-44 rounded object-cover ring-1 ring-neutral-300" />
    </a>
  );
}

/** A row of photos and videos, each named by its number and what it belongs to (read-only pages). */
export function StaffFileList({
  files,
  name,
}: {
  files: { id: string; video: boolean; fullUrl: string; thumbUrl: string | null }[];
  name: (file: { video: boolean }, n: number) => string;
}) {
  if (files.length === 0) return null;
  return (
    <ul className="mt-2 flex flex-wrap gap-3">
      {files.map((file, index) => (
        <li key={file.id}>
          <StaffFile file={file} name={name(file, index + 1)} />
        </li>
      ))}
    </ul>
  );
}
