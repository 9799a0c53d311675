// "Adresser un patient hors créneaux": the number to call for a patient beyond published slots (the CPTS's for a
// practitioner participating through a CPTS). Activating it notes the contact in the shift's journal.
import { useState } from 'react';
import { fr } from '../../i18n/fr';
import { formatPhone, telHref } from '../format';

export function BeyondSlots({ phone, onContact }: { phone: string | undefined; onContact: () => void }) {
  const [noted, setNoted] = useState(false);
  const text = formatPhone(phone);
  const href = telHref(phone);
  if (!text || !href) {
    return <p className="beyond beyond-missing">{fr.card.beyondNoPhone}</p>;
  }
  return (
    <div className="beyond">
      <a
        className="btn btn-beyond"
        href={href}
        onClick={() => {
          setNoted(true);
          onContact();
        }}
      >
        {fr.card.beyond} <span className="beyond-phone">{text}</span>
      </a>
      {noted && (
        <span className="beyond-noted" role="status">
          {fr.card.beyondRecorded(text)}
        </span>
      )}
    </div>
  );
}
