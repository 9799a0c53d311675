// The departments the training data set covers: a search elsewhere says so instead of an empty list.
import { type BackendOptions } from '../app';
import { type GeoData } from '../geo/index';
import { type LoadedTrainingDataset } from './dataset/files';

/** The departments the training data set covers, with their names: a search elsewhere says so. */
export function trainingCoverage(
  dataset: LoadedTrainingDataset,
  geo: GeoData,
): NonNullable<BackendOptions['coverage']> {
  const codes = new Set<string>();
  for (const practitioner of dataset.careOffer.practitioners) {
    for (const place of practitioner.places) {
      const department = place.inseeCode ? geo.communes.byInsee(place.inseeCode)?.department : undefined;
      if (department) codes.add(department);
    }
  }
  const departments = [...codes].sort().map((code) => ({ code, name: geo.radii.departments.get(code)?.label ?? code }));
  return { scope: 'formation', departments };
}
