// A message in plain French, its technical wording behind « Détail technique ».
import { fr } from '../i18n/fr';
import { plainMessage } from './plain-text';

export function PlainText({ message }: { message: string }) {
  const { text, detail } = plainMessage(message);
  return (
    <>
      {text}
      {detail && (
        <details className="technical-detail">
          <summary>{fr.plain.technicalDetail}</summary>
          <code>{detail}</code>
        </details>
      )}
    </>
  );
}
