// A phone number as a regulator reads it out, dialable from a softphone (tel: link).
import { formatPhone, telHref } from '../format';
import { fr } from '../../i18n/fr';

export function Phone({ phone, className }: { phone: string | undefined; className?: string }) {
  const text = formatPhone(phone);
  if (!text) return null;
  const href = telHref(phone);
  return href ? (
    <a className={`phone ${className ?? ''}`} href={href} aria-label={fr.card.call(text)}>
      {text}
    </a>
  ) : (
    <span className={`phone ${className ?? ''}`}>{text}</span>
  );
}
