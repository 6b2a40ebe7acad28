// The node's rules as the tool prints them (iptables-save, ipvsadm, nft list ruleset…), as a file.
import { fileName } from '../../state/export-trace.ts';
import { useStrings } from '../../state/hooks.ts';
import type { RulesReading } from '../../state/rules.ts';
import { DownloadIcon } from '../present/icons.tsx';
import { downloadText } from './download.ts';

export function RulesDownload({ reading }: { reading: RulesReading }) {
  const t = useStrings();
  return (
    <button
      type="button"
      className="rules-download"
      onClick={() =>
        downloadText(
          reading.text.endsWith('\n') ? reading.text : `${reading.text}\n`,
          fileName(`rules-${reading.node}-${reading.mode}-${reading.format}`, 'txt'),
          'text/plain',
        )
      }
    >
      <DownloadIcon /> {t.present.downloadRules}
    </button>
  );
}
