import type { Child } from "hono/jsx";

/**
 * A table of records. On narrow screens each row becomes a card
 * (console.css), its cells named by their `data-label`, so every cell must
 * carry its column's name.
 */
export function CardTable(props: {
  caption: Child;
  columns: readonly string[];
  id?: string;
  /** For a caption only screen readers need, when a heading already names the table. */
  hiddenCaption?: boolean;
  children: Child;
}) {
  return (
    <div class="table-wrap">
      <table class="cards" id={props.id}>
        <caption class={props.hiddenCaption ? "visually-hidden" : undefined}>
          {props.caption}
        </caption>
        <thead>
          <tr>
            {props.columns.map((column) => (
              <th scope="col">{column}</th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
