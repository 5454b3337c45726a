// A screen's stylesheet is imported for its effect (vite puts it in the page): it exports nothing.
declare module '*.css';
