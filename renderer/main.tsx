import './app/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startLiveUpdates } from './api/events';
import { initTransport } from './api/transport';
import { followLanguage } from './ui/locale';
import { createQueryClient, Root } from './app/Root';
import { initI18n } from './app/translations';

initTransport();
// Here rather than in Root: component tests mount Root with a bridge and no host to stream from.
startLiveUpdates();
followLanguage(initI18n());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root queryClient={createQueryClient()} />
  </StrictMode>,
);
