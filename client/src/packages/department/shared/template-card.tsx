import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { RuleView } from '../../../services/department-api';
import { chinaToday } from '../../../services/time';
import { copyText, FileError, saveTextFile } from './file-io';
import { COLUMN_HELP, csvTemplate, jsonlTemplate, type TemplateFile } from './templates';
import './template-card.scss';

interface TemplateCardProps {
  /** The department's rules, used in the example lines (catalogue defaults while they load). */
  rules: readonly RuleView[];
  testId?: string;
}

const failureText = (e: unknown) => (e instanceof FileError ? e.message : '模板保存失败，请稍后重试');

/**
 * 模板下载: the CSV and JSONL templates with what each column means. H5 downloads the file; the
 * mini program saves it and offers to send it to a chat, or copies its text.
 */
export default function TemplateCard({ rules, testId = 'template' }: TemplateCardProps) {
  const [error, setError] = useState<string | null>(null);
  const [showHelp, setShowHelp] = useState(false);
  const busy = useRef(false);
  const miniProgram = process.env.TARO_ENV === 'weapp';

  const run = async (action: () => Promise<string | null>) => {
    if (busy.current) return;
    busy.current = true;
    setError(null);
    try {
      const done = await action();
      if (done) void Taro.showToast({ title: done, icon: 'none', duration: 2000 });
    } catch (e) {
      const text = failureText(e);
      setError(text);
      void Taro.showToast({ title: text, icon: 'none', duration: 2500 });
    } finally {
      busy.current = false;
    }
  };

  const save = (file: TemplateFile) =>
    run(async () => {
      const outcome = await saveTextFile(file.name, file.mime, file.text);
      if (outcome === 'downloaded') return `已下载「${file.name}」`;
      if (outcome === 'shared') return '模板已发送';
      return null;
    });

  const copy = (file: TemplateFile) =>
    run(async () => {
      await copyText(file.text.replace(/^\uFEFF/, ''));
      return '模板内容已复制，可粘贴到电脑上保存';
    });

  const today = chinaToday();
  const files = [
    { key: 'csv', label: 'CSV 模板', note: 'Excel、WPS 可直接打开', file: csvTemplate(rules, today) },
    { key: 'jsonl', label: 'JSONL 模板', note: '供业务系统导出使用，每行一条 JSON', file: jsonlTemplate(rules, today) },
  ] as const;

  return (
    <View className='cx-dept-card cx-template' data-testid={testId}>
      <Text className='cx-dept-card__title'>模板下载</Text>
      <Text className='cx-dept-card__text'>
        按模板整理后在「批量上传」中选择文件。模板中的两行示例（来源编号以 EXAMPLE- 开头）仅作参考，上传前请删除。
      </Text>
      {files.map((f) => (
        <View key={f.key} className='cx-template__row'>
          <View className='cx-template__info'>
            <Text className='cx-template__name'>{f.label}</Text>
            <Text className='cx-template__note'>{f.note}</Text>
          </View>
          <View className='cx-template__buttons'>
            <Button className='cx-btn cx-btn--secondary cx-template__btn' data-testid={`${testId}-${f.key}`} onClick={() => void save(f.file)}>
              {miniProgram ? '发送到聊天' : '下载'}
            </Button>
            {miniProgram && (
              <Button className='cx-btn cx-btn--secondary cx-template__btn' data-testid={`${testId}-${f.key}-copy`} onClick={() => void copy(f.file)}>
                复制
              </Button>
            )}
          </View>
        </View>
      ))}
      {error && (
        <View className='cx-dept-error' data-testid={`${testId}-error`} role='alert'>
          <Text>{error}</Text>
        </View>
      )}
      <Text role='button' className='cx-template__toggle' data-testid={`${testId}-help-toggle`} onClick={() => setShowHelp((v) => !v)}>
        {showHelp ? '收起各列说明' : '查看各列说明 ›'}
      </Text>
      {showHelp && (
        <View className='cx-template__help' data-testid={`${testId}-help`}>
          {COLUMN_HELP.map((c) => (
            <View key={c.column} className='cx-template__help-row'>
              <Text className='cx-template__help-col'>{c.column}</Text>
              <Text className='cx-template__help-text'>{c.text}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
