import { previewableTypes } from "@frontline/core";

/** "2.4 MB", "312 kB", "900 bytes": sizes as people read them. */
export function fileSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** An entry's files: each a download; images also shown, small, so the agent sees the screenshot at once. */
export function AttachmentList(props: {
  files: readonly { id: number; name: string; size: number; contentType: string }[];
  /** Where each file downloads from: the desk's, or the escalation's for the operator. */
  hrefOf: (id: number) => string;
  /** Said when there are none; nothing at all if not given. */
  none?: string;
}) {
  if (props.files.length === 0) return props.none ?? null;
  return (
    <ul class="attachments" aria-label="Files">
      {props.files.map((file) => {
        const href = props.hrefOf(file.id);
        return (
          <li>
            {(previewableTypes as readonly string[]).includes(file.contentType) ? (
              <a href={href} class="attachment-preview">
                <img src={href} alt={`Preview of ${file.name}`} loading="lazy" />
              </a>
            ) : null}
            <a href={href} download={file.name}>
              {file.name}
            </a>{" "}
            <span class="hint">({fileSize(file.size)})</span>
          </li>
        );
      })}
    </ul>
  );
}
