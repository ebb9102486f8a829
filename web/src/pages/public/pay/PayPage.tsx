import { Alert, Center, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { PageTitle } from '../../../components/PageTitle';

/** The frame of the payer's pages reached without signing in (an invoice's link, the test gateway, the return page): one centred column with the page's title. */
export function PayPage({ title, maw = 560, children }: { title?: string; maw?: number; children: ReactNode }) {
  return (
    <Center>
      <Stack gap="md" w="100%" maw={maw}>
        {title !== undefined && (
          <>
            <PageTitle>{title}</PageTitle>
            <Title order={1}>{title}</Title>
          </>
        )}
        {children}
      </Stack>
    </Center>
  );
}

/** What a payer sees when the link leads nowhere (an unknown or expired payment or invoice). */
export function NotFoundAlert({ children }: { children: ReactNode }) {
  return (
    <Alert color="red" variant="light" role="alert">
      {children}
    </Alert>
  );
}
