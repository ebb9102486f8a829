/** «Chrome, Linux» out of a user agent string; the raw string when nothing familiar is in it. */
export function describeDevice(userAgent: string): string {
  const browser =
    /(Edg|YaBrowser|OPR|Firefox|Chrome|Safari)\/[\d.]+/.exec(userAgent)?.[1]?.replace('Edg', 'Edge').replace('OPR', 'Opera').replace('YaBrowser', 'Yandex Browser');
  const system = /(Windows|Android|iPhone|iPad|Mac OS X|Linux)/.exec(userAgent)?.[1]?.replace('Mac OS X', 'macOS');
  return browser && system ? `${browser}, ${system}` : userAgent;
}
