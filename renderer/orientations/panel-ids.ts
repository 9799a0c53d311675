// Element ids of the follow-up panels (the header buttons point at them with aria-controls).
export const PANEL_IDS = { appointments: 'panneau-orientations', journal: 'panneau-journal' } as const;
