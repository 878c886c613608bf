import { Text, type TextProps } from 'ink';
import { createContext, type ReactNode, useContext } from 'react';

/**
 * Colour is on unless NO_COLOR is set to anything but an empty string (no-color.org). Components paint
 * through <Paint>, which drops colours (and inverse video) when it is off, so frames carry no colour
 * escapes; bold and dim stay, as the convention allows.
 */
export function colourFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NO_COLOR === undefined || env.NO_COLOR === '';
}

export const ColourContext = createContext(true);

export function Paint(props: {
  color?: TextProps['color'];
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
  children: ReactNode;
}) {
  const colour = useContext(ColourContext);
  return (
    <Text
      color={colour ? props.color : undefined}
      bold={props.bold}
      dimColor={props.dim}
      inverse={colour ? props.inverse : undefined}
    >
      {props.children}
    </Text>
  );
}
