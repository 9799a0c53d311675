// The call a search tab serves, as "Mes orientations" names it: LRM origin (or a search typed by the regulator),
// commune, specialty, when it was launched. Pure; the commune and specialty are read as the tab's title reads them.
import { fr } from '../i18n/fr';
import { formatClock } from '../search/format';
import { communeOf, specialtyOf } from '../search/tab-title';
import type { SearchTab } from '../search/workspace';
import type { CallContext } from './call-memory';

/** The call context of a tab whose search started; undefined before (no search id to key it by). */
export function callContextOfTab(tab: SearchTab): CallContext | undefined {
  if (!tab.searchId) return undefined;
  const commune = communeOf(tab) ?? (tab.form.locationText.trim() || undefined);
  const specialty = specialtyOf(tab).trim() || undefined;
  return {
    searchId: tab.searchId,
    fromLrm: tab.origin.kind === 'launch',
    ...(tab.origin.kind === 'launch' && tab.origin.lrmOrigin ? { lrmOrigin: tab.origin.lrmOrigin } : {}),
    ...(commune ? { commune } : {}),
    ...(specialty ? { specialty } : {}),
    launchedAt: tab.openedAt,
  };
}

/** "Appel LRM TEST-SAMU000 · Agen · Médecine générale · lancé à 14:20". */
export function callLabel(context: CallContext, timeZone?: string): string {
  const source = context.fromLrm
    ? context.lrmOrigin
      ? fr.orientationActions.callFromLrm(context.lrmOrigin)
      : fr.orientationActions.callFromLrmUnnamed
    : fr.orientationActions.callManual;
  const at = fr.orientationActions.callAt(formatClock(context.launchedAt, timeZone));
  return [source, context.commune, context.specialty, at].filter(Boolean).join(' · ');
}
