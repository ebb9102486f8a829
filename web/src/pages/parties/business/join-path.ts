import { paths } from '../../../app/paths';

/** The page where a person asks to join a registered company, with the INN already typed in. */
export function joinPagePath(inn?: string): string {
  return inn ? `${paths.joinCompany}?${new URLSearchParams({ inn })}` : paths.joinCompany;
}
