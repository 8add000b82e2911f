// Reveals the "In tờ rơi" button on print pages and makes it print. Without JavaScript the
// button stays hidden: the page reads and prints the same from the browser's own menu.
for (const button of document.querySelectorAll('[data-print-button]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
