import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { type ReactNode, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { HashRouter } from 'react-router';
import { App } from './App';
import { isEnglish } from '../ui/locale';
import { reloadIfMovedOn } from '../ui/moved-on';
import { refreshOnChange, refreshOnReconnect } from '../ui/refresh';
import { useReducedMotion } from '../ui/reduced-motion';
import { officeTheme } from '../ui/theme';

export function createQueryClient(): QueryClient {
  // Errors are values with codes: retrying a FORBIDDEN or NOT_FOUND only delays the message.
  const client: QueryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 }, mutations: { retry: false } },
    // Every write's refusal passes here once, whichever screen made it.
    mutationCache: new MutationCache({ onError: (error) => reloadIfMovedOn(client, error) }),
  });
  return client;
}

/** antd's own texts (pagination, pickers, empty tables) follow the UI language; its motion, the system's reduce-motion setting. */
function LocalizedAntd({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const reduced = useReducedMotion();
  const theme = useMemo(() => ({ ...officeTheme, token: { ...officeTheme.token, motion: !reduced } }), [reduced]);
  return (
    <ConfigProvider locale={isEnglish(i18n.language) ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** What every screen sits in: queries (refreshed by the contract's topics), antd in the UI language, the hash router. */
export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  useEffect(() => refreshOnChange(queryClient), [queryClient]);
  useEffect(() => refreshOnReconnect(queryClient), [queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      <LocalizedAntd>
        <HashRouter>{children}</HashRouter>
      </LocalizedAntd>
    </QueryClientProvider>
  );
}

/** The whole renderer below the DOM root; main.tsx and the app-level component tests mount this. */
export function Root({ queryClient }: { queryClient: QueryClient }) {
  return (
    <AppProviders queryClient={queryClient}>
      <App />
    </AppProviders>
  );
}
