import { useLayoutEffect, useState, type RefObject } from 'react';

const MIN_HEIGHT = 240;

/**
 * The height from the element's top to the bottom of the window, less `gap`. A virtual table needs
 * a number of pixels, and this works whatever layout the shell wraps the page in.
 */
export function useFillHeight(ref: RefObject<HTMLElement | null>, gap = 16): number {
  const [height, setHeight] = useState(MIN_HEIGHT);
  useLayoutEffect(() => {
    const measure = () => {
      const top = ref.current?.getBoundingClientRect().top ?? 0;
      setHeight(Math.max(MIN_HEIGHT, Math.floor(window.innerHeight - top - gap)));
    };
    measure();
    // The page above the table (filters wrapping, a banner) can grow without the window resizing.
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(document.body);
    window.addEventListener('resize', measure);
    return () => {
      observer?.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [ref, gap]);
  return height;
}
