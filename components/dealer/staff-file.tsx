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
