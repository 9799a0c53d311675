// An editable combobox (WAI-ARIA 1.2 pattern, list autocomplete): free text stays allowed, a suggestion can be
// picked with the arrows and Entrée, or the mouse. Used for the specialty and the location.
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface ComboOption {
  id: string;
  label: string;
  detail?: string;
}

interface ComboboxProps<T extends ComboOption> {
  label: string;
  value: string;
  options: readonly T[];
  onInput: (text: string) => void;
  onPick: (option: T) => void;
  /** Shown in the popup when there is no option to pick (loading, nothing found...). */
  emptyText?: string;
  placeholder?: string;
  hint?: ReactNode;
  inputId?: string;
  inputRef?: (element: HTMLInputElement | null) => void;
  invalid?: boolean;
  errorId?: string;
  className?: string;
}

export function Combobox<T extends ComboOption>(props: ComboboxProps<T>) {
  const {
    label,
    value,
    options,
    onInput,
    onPick,
    emptyText,
    placeholder,
    hint,
    inputRef,
    invalid,
    errorId,
    className,
  } = props;
  const generated = useId();
  const inputId = props.inputId ?? `${generated}-input`;
  const listId = `${generated}-liste`;
  const hintId = `${generated}-aide`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const expanded = open && (options.length > 0 || emptyText !== undefined);
  const activeOption = active >= 0 ? options[active] : undefined;

  const pick = (option: T) => {
    onPick(option);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (options.length === 0 ? -1 : (i + 1) % options.length));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (options.length === 0 ? -1 : i <= 0 ? options.length - 1 : i - 1));
    } else if (event.key === 'Enter' && expanded && activeOption) {
      // Entrée picks the highlighted suggestion; without one it submits the search as typed.
      event.preventDefault();
      pick(activeOption);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setActive(-1);
    }
  };

  const describedBy =
    [hint ? hintId : undefined, invalid && errorId ? errorId : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <div className={`field combobox ${className ?? ''}`}>
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        ref={inputRef}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && activeOption ? `${listId}-${active}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        placeholder={placeholder}
        value={value}
        onChange={(event) => {
          onInput(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
      />
      {hint && (
        <small id={hintId} className="field-hint">
          {hint}
        </small>
      )}
      <ul id={listId} role="listbox" aria-label={label} className="combobox-list" hidden={!expanded}>
        {options.map((option, index) => (
          <li
            key={option.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'combobox-option active' : 'combobox-option'}
            // mousedown, not click: the input's blur would close the list before the click lands.
            onMouseDown={(event) => {
              event.preventDefault();
              pick(option);
            }}
          >
            <span>{option.label}</span>
            {option.detail && <small>{option.detail}</small>}
          </li>
        ))}
        {options.length === 0 && emptyText && (
          <li role="option" aria-selected={false} aria-disabled="true" className="combobox-empty">
            {emptyText}
          </li>
        )}
      </ul>
    </div>
  );
}
