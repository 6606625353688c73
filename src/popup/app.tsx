import { useCallback, useMemo, useReducer, useState } from 'preact/hooks';
import { Header } from './components/header';
import { TabPanel, Tabs, type TabItem } from './components/tabs';
import { Toast, type ToastMessage } from './components/toast';
import { useImportJobs } from './hooks/use-import-jobs';
import { usePageTab } from './hooks/use-page-tab';
import { useSettings } from './hooks/use-settings';
import { useStatus } from './hooks/use-status';
import { useTranslator } from './hooks/use-translator';
import { I18nContext } from './i18n';
import { openInTab, readLaunch } from './lib/launch';
import { ImportExport } from './views/import-export';
import { KnowledgeBase } from './views/knowledge-base';
import { OnThisPage } from './views/on-this-page';
import { SettingsView } from './views/settings';

type ViewId = 'page' | 'knowledge' | 'transfer' | 'settings';

/** Shows a toast; an action such as Undo is optional. */
export type Notify = (text: string, action?: ToastMessage['action']) => void;

export function App() {
  const launch = useMemo(() => readLaunch(location.search), []);
  const [settings, saveSettings] = useSettings();
  const translator = useTranslator(settings?.uiLanguage);
  const pageTab = usePageTab(launch.pageTabId);
  // In a full tab there is rarely a page to talk about; longer work happens in the knowledge base.
  const [view, setView] = useState<ViewId>(
    launch.inTab || launch.newName !== null || launch.editId !== null ? 'knowledge' : 'page',
  );
  // Bumped after anything that changes the knowledge base, so every list reads it again.
  const [version, changed] = useReducer((n: number, _: void) => n + 1, 0);
  const { status, error } = useStatus(version);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const notify = useCallback<Notify>(
    (text, action) => setToast((previous) => ({ key: (previous?.key ?? 0) + 1, text, action })),
    [],
  );
  const dismiss = useCallback(() => setToast(null), []);
  const t = translator?.t;
  // Imports are watched here, not in their view, so the end of one is noticed from any tab.
  const imports = useImportJobs((job) => {
    changed();
    if (!t) return;
    notify(
      job.status === 'done'
        ? t('importDoneToast', job.fileName)
        : t('importFailedToast', job.fileName),
    );
  });

  if (!translator || !settings || !t) return null;
  const tabs: Array<TabItem<ViewId>> = [
    { id: 'page', label: t('tabOnThisPage') },
    { id: 'knowledge', label: t('tabKnowledgeBase') },
    { id: 'transfer', label: t('tabImportExport') },
    { id: 'settings', label: t('tabSettings') },
  ];
  return (
    <I18nContext.Provider value={translator}>
      <div class={launch.inTab ? 'app in-tab' : 'app'}>
        <Header
          status={status}
          error={error}
          inTab={launch.inTab}
          onOpenInTab={() => void openInTab(pageTab?.id ?? null)}
        />
        <Tabs label={t('tabsLabel')} tabs={tabs} selected={view} onSelect={setView} />
        <TabPanel id="page" selected={view === 'page'}>
          <OnThisPage
            tab={pageTab}
            active={view === 'page'}
            inTab={launch.inTab}
            settings={settings}
            saveSettings={saveSettings}
          />
        </TabPanel>
        <TabPanel id="knowledge" selected={view === 'knowledge'}>
          <KnowledgeBase
            version={version}
            onChanged={changed}
            notify={notify}
            initial={
              launch.editId !== null
                ? { id: launch.editId }
                : launch.newName !== null
                  ? { id: null, name: launch.newName }
                  : null
            }
          />
        </TabPanel>
        <TabPanel id="transfer" selected={view === 'transfer'}>
          <ImportExport version={version} onChanged={changed} imports={imports} />
        </TabPanel>
        <TabPanel id="settings" selected={view === 'settings'}>
          <SettingsView settings={settings} save={saveSettings} />
        </TabPanel>
        <Toast toast={toast} onDismiss={dismiss} />
      </div>
    </I18nContext.Provider>
  );
}
