/** The band on every preview (the page and each frame): what is shown is sample data, and nothing is saved. */
export function PreviewBanner({ label }: { label: string }) {
  return (
    <p role="note" className="sticky top-0 z-50 bg-yellow-300 px-4 py-2 text-center font-semibold text-black">
      {label}
    </p>
  );
}
