package org.jointappeal.pledge.donor;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.jointappeal.pledge.DonorCode;

@Converter(autoApply = true)
public class DonorCodeConverter implements AttributeConverter<DonorCode, String> {

  @Override
  public String convertToDatabaseColumn(DonorCode code) {
    return code == null ? null : code.value();
  }

  @Override
  public DonorCode convertToEntityAttribute(String value) {
    return value == null ? null : DonorCode.of(value.trim());
  }
}
