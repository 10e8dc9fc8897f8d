/**
 * Code blocks scroll sideways on narrow screens; a scrollable region must be reachable by keyboard
 * (WCAG 2.1.1, axe "scrollable-region-focusable"), so every <pre> gets tabindex="0".
 */
export const focusableCodeBlocks = () => ({
  name: 'focusable-code-blocks',
  element: {
    filter: ['pre'],
    visit(node: unknown, ctx: { setProperty: (node: unknown, key: string, value: unknown) => void }) {
      ctx.setProperty(node, 'tabIndex', 0);
    },
  },
});
