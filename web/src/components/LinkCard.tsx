import { Button, Card, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

interface LinkCardProps {
  title: string;
  text: string;
  action: string;
  to: string;
}

/** A card that says what a section is for and leads there; cards in one grid keep their buttons level. */
export function LinkCard({ title, text, action, to }: LinkCardProps) {
  return (
    <Card withBorder padding="lg" display="flex" style={{ flexDirection: 'column' }}>
      <Title order={3} size="h4">
        {title}
      </Title>
      <Text size="sm" c="dimmed" mt="xs" mb="md" flex={1}>
        {text}
      </Text>
      <Button component={Link} to={to} variant="light" fullWidth>
        {action}
      </Button>
    </Card>
  );
}
