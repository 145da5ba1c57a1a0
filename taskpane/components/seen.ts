import * as React from "react";

/**
 * Whether the element has come within `margin` of the visible part of the page, once; it stays
 * true after. What a card draws only for someone looking at it (its sheet preview, whose plan
 * is the costly part of a card) waits for this, so the task pane's first render does not build
 * every card's sheet. Where there is no IntersectionObserver (jsdom, an old webview) everything
 * counts as seen at once, as before.
 */
export function useSeen(ref: React.RefObject<Element | null>, margin = "300px"): boolean {
  const [seen, setSeen] = React.useState(() => typeof IntersectionObserver === "undefined");
  React.useEffect(() => {
    const element = ref.current;
    if (seen || !element) return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        setSeen(true);
      },
      { rootMargin: `${margin} 0px` },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, seen, margin]);
  return seen;
}
