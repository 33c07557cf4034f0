/** "/" jumps to the search box from anywhere except while typing. */
export function enableSearchShortcut(): void {
  document.addEventListener("keydown", (event) => {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (
      target instanceof HTMLElement &&
      target.closest("input, textarea, select, [contenteditable]")
    )
      return;
    // The last box on the page is the page's own (search page, home hero), not the header's.
    const boxes = document.querySelectorAll("[data-search-shortcut]");
    const box = boxes[boxes.length - 1];
    if (!(box instanceof HTMLInputElement)) return;
    event.preventDefault();
    box.focus();
    box.select();
  });
}
