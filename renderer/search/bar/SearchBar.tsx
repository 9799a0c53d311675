// The search bar: specialty (TRE_R38 labels, codes kept, free text allowed), the patient's location with commune
// suggestions, the médecin traitant. Filled by an LRM launch; "Rechercher" opens the search in a new tab.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { LocationSuggestion } from '@shared/api/console-api';
import type { LaunchLocation } from '@shared/domain/launch';
import { fr } from '../../i18n/fr';
import { parseGpField } from '../gp-field';
import { queryFromForm, type SearchFormValues } from '../search-query';
import { matchSpecialties, type SpecialtyOption } from '../specialty-options';
import type { SearchQuery } from '@shared/domain/search';
import { Combobox, type ComboOption } from './Combobox';

interface SearchBarProps {
  initial: SearchFormValues;
  suggestLocations: (text: string) => Promise<LocationSuggestion[]>;
  onSearch: (query: SearchQuery, form: SearchFormValues) => void;
  /** Lets the "/" shortcut reach the first field. */
  registerFocus: (focus: () => void) => void;
}

type LocationOption = ComboOption & { suggestion: LocationSuggestion };

const SUGGEST_DELAY_MS = 180;

export function SearchBar({ initial, suggestLocations, onSearch, registerFocus }: SearchBarProps) {
  const [form, setForm] = useState<SearchFormValues>(initial);
  const [problem, setProblem] = useState<string | undefined>();
  const specialtyInput = useRef<HTMLInputElement | null>(null);
  const errorId = useId();
  const gpId = useId();

  // "/" and Ctrl+K: the specialty field, its text selected so typing replaces it.
  useEffect(
    () =>
      registerFocus(() => {
        specialtyInput.current?.focus();
        specialtyInput.current?.select();
      }),
    [registerFocus],
  );

  const specialtyOptions = useMemo(
    () =>
      matchSpecialties(form.specialtyCoding ? '' : form.specialtyText).map((o) => ({
        ...o,
        detail: fr.search.specialtyCode(o.code),
      })),
    [form.specialtyText, form.specialtyCoding],
  );

  const { options: locationOptions, status: locationStatus } = useLocationSuggestions(
    form.location ? '' : form.locationText,
    suggestLocations,
  );
  const gp = parseGpField(form.gpText);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = queryFromForm(
      form,
      gp.ok ? { ok: true, ...(gp.reference ? { reference: gp.reference } : {}) } : { ok: false },
    );
    if (!result.ok) {
      setProblem(result.problem === 'location-missing' ? fr.search.locationMissing : gp.ok ? undefined : gp.message);
      return;
    }
    setProblem(undefined);
    onSearch(result.query, form);
  };

  return (
    <form className="search-bar" role="search" aria-label={fr.search.barLabel} onSubmit={submit} noValidate>
      <Combobox<SpecialtyOption & ComboOption>
        className="field-specialty"
        label={fr.search.specialty}
        value={form.specialtyText}
        options={specialtyOptions}
        inputRef={(element) => {
          specialtyInput.current = element;
        }}
        emptyText={fr.search.specialtyNoMatch}
        onInput={(text) => {
          const exact = matchSpecialties(text, 50).find((o) => o.label.toLowerCase() === text.trim().toLowerCase());
          setForm((f) => ({
            ...f,
            specialtyText: text,
            ...(exact ? { specialtyCoding: exact.coding } : { specialtyCoding: undefined }),
          }));
        }}
        onPick={(option) => setForm((f) => ({ ...f, specialtyText: option.label, specialtyCoding: option.coding }))}
      />
      <Combobox<LocationOption>
        className="field-location"
        label={fr.search.location}
        value={form.locationText}
        placeholder={fr.search.locationPlaceholder}
        options={locationOptions}
        emptyText={locationStatus}
        invalid={problem === fr.search.locationMissing}
        errorId={errorId}
        onInput={(text) => setForm((f) => ({ ...f, locationText: text, location: undefined }))}
        onPick={(option) =>
          setForm((f) => ({ ...f, locationText: option.label, location: toLocation(option.suggestion) }))
        }
      />
      <div className="field field-gp">
        <label htmlFor={gpId}>{fr.search.gp}</label>
        <input
          id={gpId}
          type="text"
          autoComplete="off"
          spellCheck={false}
          placeholder={fr.search.gpPlaceholder}
          value={form.gpText}
          aria-invalid={!gp.ok || undefined}
          aria-describedby={!gp.ok ? `${gpId}-erreur` : undefined}
          onChange={(event) => setForm((f) => ({ ...f, gpText: event.target.value }))}
        />
        {!gp.ok && (
          <small id={`${gpId}-erreur`} className="field-error">
            {gp.message}
          </small>
        )}
      </div>
      <button type="submit" className="btn btn-primary search-submit" title={fr.search.submitHint}>
        {fr.search.submit}
      </button>
      {problem && (
        <p id={errorId} className="search-problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

function toLocation(s: LocationSuggestion): LaunchLocation {
  return {
    inseeCode: s.inseeCode,
    city: s.city,
    ...(s.streetName ? { streetName: s.streetName } : {}),
    ...(s.streetNumber ? { streetNumber: s.streetNumber } : {}),
  };
}

/** Suggestions for the typed location, debounced; answers to older texts are ignored. */
function useLocationSuggestions(text: string, suggest: (text: string) => Promise<LocationSuggestion[]>) {
  const [state, setState] = useState<{ for: string; options: LocationOption[]; status?: string }>({
    for: '',
    options: [],
  });
  useEffect(() => {
    const query = text.trim();
    if (query.length < 2) {
      setState({ for: query, options: [] });
      return;
    }
    let current = true;
    setState((s) => ({ ...s, status: fr.search.locationLoading }));
    const timer = setTimeout(() => {
      suggest(query.slice(0, 120)).then(
        (list) => {
          if (!current) return;
          const options = list.slice(0, 10).map((s, i) => ({
            id: `${s.inseeCode}-${s.streetName ?? ''}-${s.streetNumber ?? ''}-${i}`,
            label: s.label,
            ...(s.postalCode ? { detail: s.postalCode } : {}),
            suggestion: s,
          }));
          setState({ for: query, options, ...(options.length === 0 ? { status: fr.search.locationNone } : {}) });
        },
        () => {
          if (current) setState({ for: query, options: [], status: fr.search.locationUnavailable });
        },
      );
    }, SUGGEST_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, suggest]);
  return { options: state.options, status: text.trim().length < 2 ? undefined : state.status };
}
