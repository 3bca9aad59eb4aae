package dev.ponder.settings;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The window's colours. */
public enum Theme {
    /** Follow the operating system's light or dark mode. Also what a theme unknown to this version reads as. */
    @JsonEnumDefaultValue
    SYSTEM,
    LIGHT,
    DARK
}
