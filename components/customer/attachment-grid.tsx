/** A customer-visible file: URLs are signed by the server for this page's viewer only. */
export type AttachmentFile = { assetId: string; isVideo: boolean; url: string; thumbUrl: string | null };

/**
 * Photos (thumbnail, opening the full image) and videos (played in place) of a remark or a report item.
 * Each is named by its number and what it belongs to, for screen readers.
 */
export function AttachmentGrid({ files, of, photo, video }: { files: AttachmentFile[]; of: string; photo: string; video: string }) {
  if (files.length === 0) return null;
  return (
    <ul className="mt-2 grid grid-cols-3 gap-2">
      {files.map((file, index) => (
        <li key={file.assetId}>
          {file.isVideo ? (
            <video src={file.url} controls playsInline preload="metadata" className="aspect-square w-full rounded bg-black object-cover">
              <a href={file.url}>{`${video} ${index + 1} — ${of}`}</a>
            </video>
          ) : (
            <a href={file.url} target="_blank" rel="noopener noreferrer" className="block">
              {/* A signed, private URL: next/image would fetch it server-side, outside the signature's purpose. */}
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img
                src={file.thumbUrl ?? file.url}
                alt={`${photo} ${index + 1} — ${of}`}
                loading="lazy"
                className="aspect-square w-full rounded object-cover ring-1 ring-neutral-300"
              />
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}
