// The strengths round as a word cloud. A list underneath the look: each word is a list item with
// its count spelled out for screen readers, and sizes come from five CSS steps, not free pixels.
import './meeting.css';
import { useTranslation } from 'react-i18next';
import { buildCloud } from './word-cloud';

export function WordCloud({ texts }: { texts: readonly string[] }) {
  const { t } = useTranslation('meeting');
  const words = buildCloud(texts);
  return (
    <figure className="meeting-cloud">
      <figcaption className="meeting-cloud__question">{t('cloud.question')}</figcaption>
      {words.length === 0 ? (
        <p>{t('cloud.empty')}</p>
      ) : (
        <ul className="meeting-cloud__words">
          {words.map((w) => (
            <li key={w.word} className={`meeting-cloud__w${w.weight}`}>
              <span aria-hidden="true">{w.word}</span>
              <span className="meeting-sr">{t('cloud.word', { word: w.word, count: w.count })}</span>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
