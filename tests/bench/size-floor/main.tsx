// The floor of `npm run size`: the smallest app that uses the respondent's seven libraries the way
// the respondent does (React and react-dom render, react-router routes, i18next with react-i18next
// translates, Dexie keeps a draft, workbox-window registers the service worker after the first
// render, so it is not in the first load). Built with the same Vite, React plugin and target as
// the PWA; the PWA's first load is measured against it. Never served.
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Link, Route, Routes, useNavigate, useParams } from 'react-router';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next, useTranslation } from 'react-i18next';
import Dexie, { liveQuery, type EntityTable } from 'dexie';

interface Draft {
  id: string;
  answers: Record<string, number>;
}

const db = new Dexie('floor') as Dexie & { drafts: EntityTable<Draft, 'id'> };
db.version(1).stores({ drafts: 'id' });

function Start() {
  const { t } = useTranslation();
  const [count, setCount] = useState(0);
  useEffect(() => {
    const subscription = liveQuery(() => db.drafts.count()).subscribe({ next: setCount });
    return () => subscription.unsubscribe();
  }, []);
  return (
    <main>
      <h1>{t('app.name', { count })}</h1>
      <Link to="/q/1">{t('app.toStart')}</Link>
    </main>
  );
}

function Question() {
  const { t } = useTranslation();
  const { n = '1' } = useParams();
  const navigate = useNavigate();
  const answer = async (value: number) => {
    await db.transaction('rw', db.drafts, async () => {
      const draft = (await db.drafts.get('draft')) ?? { id: 'draft', answers: {} };
      await db.drafts.put({ ...draft, answers: { ...draft.answers, [n]: value } });
    });
    await navigate(`/q/${Number(n) + 1}`);
  };
  return (
    <main>
      <h1>{t('app.loading', { n })}</h1>
      {[1, 2, 3, 4, 5].map((value) => (
        <button key={value} type="button" onClick={() => void answer(value)}>
          {value}
        </button>
      ))}
    </main>
  );
}

async function main() {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({
    lng: 'nb',
    // The app's key names, since src/app/i18n/i18next.d.ts types every t() in the project.
    resources: {
      nb: { common: { app: { name: 'Hei ({{count}})', toStart: 'Start', loading: 'Spørsmål {{n}}' } } },
    },
    ns: ['common'],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  });
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <BrowserRouter>
          <Routes>
            <Route path="/" element={<Start />} />
            <Route path="/q/:n" element={<Question />} />
          </Routes>
        </BrowserRouter>
      </I18nextProvider>
    </StrictMode>,
  );
  const { Workbox } = await import('workbox-window');
  await new Workbox('/sw.js').register();
}

void main();
