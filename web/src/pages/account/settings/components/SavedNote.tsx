import { Text } from '@mantine/core';

/** A quiet confirmation next to the form that was just saved; screen readers announce it. */
export function SavedNote({ children }: { children: string }) {
  return (
    <Text size="sm" c="teal.8" role="status">
      {children}
    </Text>
  );
}
