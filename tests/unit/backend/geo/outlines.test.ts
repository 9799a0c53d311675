import { describe, expect, it } from 'vitest';
import { loadDepartmentOutlines, parseDepartmentOutlines } from '@backend/geo/index';

describe('department outlines', () => {
  it('knows which department a point is in', async () => {
    const outlines = await loadDepartmentOutlines();
    expect(outlines.codes).toHaveLength(96);
    expect(outlines.contains('33', { lat: 44.8378, lon: -0.5792 })).toBe(true); // Bordeaux
    expect(outlines.contains('47', { lat: 44.2033, lon: 0.6163 })).toBe(true); // Agen
    expect(outlines.contains('33', { lat: 44.2033, lon: 0.6163 })).toBe(false);
    expect(outlines.departmentAt({ lat: 48.8566, lon: 2.3522 })).toBe('75');
    expect(outlines.departmentAt({ lat: 46.0, lon: -10 })).toBeUndefined(); // Atlantic
    expect(outlines.name('2A')).toBe('Corse-du-Sud');
    expect(outlines.departmentAt({ lat: 41.75, lon: 9.0 })).toBe('2A'); // inland, near Zonza
  });

  it('treats holes as outside (even-odd rule)', () => {
    const square = (size: number) => [
      [-size, -size],
      [size, -size],
      [size, size],
      [-size, size],
      [-size, -size],
    ];
    const parsed = parseDepartmentOutlines({
      type: 'FeatureCollection',
      features: [{ properties: { code: '47' }, geometry: { type: 'Polygon', coordinates: [square(2), square(1)] } }],
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.outlines.contains('47', { lat: 0, lon: 0 })).toBe(false);
    expect(parsed.outlines.contains('47', { lat: 1.5, lon: 0 })).toBe(true);
  });

  it('rejects something that is not a FeatureCollection with a message', () => {
    const parsed = parseDepartmentOutlines({ type: 'Feature' });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toContain('contours');
  });
});
