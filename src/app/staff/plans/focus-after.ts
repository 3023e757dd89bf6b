// Where focus goes when the thing that had it is deleted: to the heading of the list it was in,
// so a keyboard user stays in place instead of starting again from the top of the page.
export function focusHeading(id: string): void {
  const heading = document.getElementById(id);
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus();
}
