import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Decision } from '../../../../api/employees';

interface DecisionMarkProps {
  who: 'moderator' | 'company';
  decision: Decision | null;
}

const marks = { approved: { sign: '✓', color: 'teal.8' }, rejected: { sign: '✗', color: 'red.8' }, waiting: { sign: '—', color: 'dimmed' } } as const;

/** «Модератор ✓», «Руководитель —»: one side's decision on a join request, in words for screen readers. */
export function DecisionMark({ who, decision }: DecisionMarkProps) {
  const { t } = useTranslation('employees');
  const state = decision ?? 'waiting';
  const mark = marks[state];

  return (
    <Group gap={6} wrap="nowrap" aria-label={`${t(`decision.who.${who}`)}: ${t(`decision.state.${state}`)}`}>
      <Text size="sm" aria-hidden>
        {t(`decision.who.${who}`)}
      </Text>
      <Text size="sm" fw={700} c={mark.color} aria-hidden title={t(`decision.state.${state}`)}>
        {mark.sign}
      </Text>
    </Group>
  );
}
