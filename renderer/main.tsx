/**
 * Renderer entry: asks the host for the app's state, sets the interface language and direction of
 * the data folder, then mounts the app, so the first paint is already in that language.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { api, errorMessage } from './api/client';
import { App, type AppStart } from './app/app';
import { interfaceI18n, showInterfaceIn } from './i18n/interface-i18n';
import './styles/app.css';

async function start(): Promise<AppStart> {
  try {
    const info = await api['app:info']({});
    await showInterfaceIn(info.language);
    return { info };
  } catch (error) {
    // The app still opens, in English, and says why storage did not answer.
    return { problem: errorMessage(error) };
  }
}

const root = document.getElementById('root');
if (root) {
  void start().then((appStart) =>
    createRoot(root).render(
      <StrictMode>
        <I18nextProvider i18n={interfaceI18n}>
          <App start={appStart} />
        </I18nextProvider>
      </StrictMode>,
    ),
  );
}
