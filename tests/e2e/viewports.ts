// The two screens of the SAS rooms: the 1366×768 laptop and the 1920×1080 desk screen. Specs run once per size.
export const VIEWPORTS = [
  { name: '1366x768', width: 1366, height: 768 },
  { name: '1920x1080', width: 1920, height: 1080 },
] as const;
