/**
 * Read by screen readers, not shown: the technique of MUI's visuallyHidden (a heading over a
 * column of buttons, the exact date behind a relative one).
 */
export const visuallyHidden = {
  border: 0,
  clip: 'rect(0 0 0 0)',
  height: '1px',
  margin: '-1px',
  overflow: 'hidden',
  padding: 0,
  position: 'absolute',
  whiteSpace: 'nowrap',
  width: '1px',
} as const;
