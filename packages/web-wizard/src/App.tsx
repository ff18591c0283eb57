import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiClient } from './api/ApiClient.js';
import { forgetToken, openSession, rememberToken } from './api/session.js';
import { initialLanguage, MESSAGES, storeLanguage, type Language } from './i18n/language.js';
import { Field, Screen } from './wizard/Screen.js';
import { Wizard } from './wizard/Wizard.js';

/** The page: language choice, the session with the API, then the wizard. */
export function App() {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [token, setToken] = useState<string | undefined | null>(null);
  const [typed, setTyped] = useState('');
  const [environment, setEnvironment] = useState<string | undefined>();
  const t = MESSAGES[language];

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t.title;
  }, [language]);
  useEffect(() => {
    void openSession().then(setToken, () => setToken(undefined));
    void fetch('../health', { cache: 'no-store' })
      .then((r) => r.json() as Promise<{ environment?: string }>)
      .then((health) => setEnvironment(health.environment), () => undefined);
  }, []);
  const api = useMemo(() => (typeof token === 'string' ? new ApiClient(token, () => language) : undefined), [token, language]);

  return (
    <>
      <header>
        <p class="brand">
          {t.title}
          {environment !== undefined && environment !== 'prd' && <span class="env"> — {t.environment[environment] ?? environment}</span>}
        </p>
        <div class="language">
          <label for="language">{t.language}</label>
          <select
            id="language"
            value={language}
            onChange={(event) => {
              const chosen = (event.currentTarget as HTMLSelectElement).value as Language;
              storeLanguage(chosen);
              setLanguage(chosen);
            }}
          >
            <option value="fr" lang="fr">Français</option>
            <option value="nl" lang="nl">Nederlands</option>
            <option value="en" lang="en">English</option>
          </select>
        </div>
      </header>
      {token === null ? null : api === undefined ? (
        <Screen t={t} id="connect" heading={t.connect.heading} action={t.connect.submit}
          onAction={() => {
            rememberToken(typed.trim());
            setToken(typed.trim());
            setTyped('');
          }}>
          <p>{t.connect.intro}</p>
          <Field id="token" label={t.connect.token} type="password" value={typed} onInput={setTyped} required />
        </Screen>
      ) : (
        <Wizard t={t} language={language} api={api} onUnauthorized={forgetToken} />
      )}
    </>
  );
}
